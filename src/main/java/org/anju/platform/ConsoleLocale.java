package org.anju.platform;

import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The caller's language: a choice made in the console ({@code ?lang=en}) is kept in a
 * cookie; otherwise {@code Accept-Language} decides, and without it Chinese.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleLocale implements WebMvcConfigurer {

	static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("anju-lang");
		resolver.setDefaultLocaleFunction((request) -> {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			// programs: the API and Open311's GeoReport endpoints
			boolean program = path.startsWith("/api/") || path.startsWith("/open311/v2/");
			if (!program || request.getHeader("Accept-Language") == null) {
				return DEFAULT;
			}
			return request.getLocale().getLanguage().equals("en") ? Locale.ENGLISH : DEFAULT;
		});
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor();
		change.setParamName("lang");
		registry.addInterceptor(change);
	}

}

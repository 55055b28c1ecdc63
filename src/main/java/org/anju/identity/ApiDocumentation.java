package org.anju.identity;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import org.springframework.context.annotation.Configuration;

/**
 * Tells the OpenAPI description how programs sign in, so that Swagger UI's "Authorize"
 * takes a token from {@code POST /api/v1/auth/token}.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Anju 安居 API", version = "v1",
		description = "The registry of places and people of an enterprise community. Errors are RFC 9457 "
				+ "problem+json in Chinese, or English with Accept-Language: en. Writes take If-Match; "
				+ "creates take an Idempotency-Key."),
		security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
		description = "A token from POST /api/v1/auth/token")
class ApiDocumentation {

}

package org.anju.messaging;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.anju.identity.CurrentUser;
import org.anju.shared.InvalidInput;
import org.anju.shared.NotFound;
import org.anju.shared.StaleVersion;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Text messages in the console: the outbox, filtered by state, and the templates with a
 * live preview of what a resident would read. Administrators and leaders see both; only
 * those who edit reference data save a template.
 */
@Controller
@PreAuthorize("hasAuthority('AUDIT_READ')")
class SmsConsole {

	static final String PAGE = "sms/page";

	static final String PREVIEW = "sms/page :: preview";

	static final int PAGE_SIZE = 50;

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final Outbox outbox;

	private final SmsTemplates templates;

	private final SmsProvider provider;

	private final MessageSource messages;

	SmsConsole(Outbox outbox, SmsTemplates templates, ObjectProvider<SmsProvider> providers, MessageSource messages) {
		this.outbox = outbox;
		this.templates = templates;
		this.provider = OutboxDispatcher.chosen(providers);
		this.messages = messages;
	}

	@GetMapping("/sms")
	String page(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable MessageState state,
			@RequestParam(required = false) @Nullable String cursor, Model model) {
		model.addAttribute("page", this.outbox.page(user.community(), state, cursor, PAGE_SIZE));
		model.addAttribute("state", state);
		model.addAttribute("states", MessageState.values());
		model.addAttribute("showFirst", cursor != null && !cursor.isBlank());
		model.addAttribute("templates", this.templates.all(user.community()));
		model.addAttribute("recordOnly", this.provider instanceof OutboxOnlyProvider);
		return PAGE;
	}

	@PostMapping("/sms/templates/{code}")
	@PreAuthorize("hasAuthority('REFERENCE_DATA')")
	String save(@AuthenticationPrincipal CurrentUser user, @PathVariable String code,
			@RequestParam(defaultValue = "") String bodyZh, @RequestParam long version, Model model) {
		String error;
		try {
			this.templates.update(user.community(), code, version, bodyZh, user.username());
			return "redirect:/sms?saved=" + code + "#template-" + code;
		}
		catch (InvalidInput ex) {
			error = text(ex);
		}
		catch (StaleVersion ex) {
			error = text("problem.staleVersion");
		}
		model.addAttribute("error", error);
		model.addAttribute("errorCode", code);
		model.addAttribute("draft", bodyZh);
		return page(user, null, null, model);
	}

	/**
	 * What a resident would read with the text as typed, filled with sample values.
	 */
	@PostMapping("/sms/templates/{code}/preview")
	String preview(@AuthenticationPrincipal CurrentUser user, @PathVariable String code,
			@RequestParam(defaultValue = "") String bodyZh, Model model) {
		SmsTemplates.Signed signed = this.templates.signed(user.community(), code, null)
			.orElseThrow(() -> new NotFound("sms-template", code));
		SmsTemplate template = signed.template();
		Map<String, String> samples = Map.of("community", signed.communityName(), "number", "2026-000123", "dueDate",
				LocalDate.now(SHANGHAI).plusDays(7).toString(), "reply", text("sms.sample.reply"));
		try {
			String rendered = TemplateText.parse(bodyZh, template.placeholders()).render(samples);
			model.addAttribute("rendered", rendered);
		}
		catch (InvalidInput ex) {
			model.addAttribute("previewError", text(ex));
		}
		model.addAttribute("code", code);
		return PREVIEW;
	}

	private String text(InvalidInput ex) {
		return String.join(" ", ex.violations().stream().map((v) -> text(v.code(), v.args())).toList());
	}

	private String text(String code, Object... args) {
		return this.messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

}

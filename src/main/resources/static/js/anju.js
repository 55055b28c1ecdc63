// Sends the CSRF token with every htmx request.
document.addEventListener('htmx:configRequest', function (event) {
	var token = document.querySelector('meta[name="_csrf"]');
	var header = document.querySelector('meta[name="_csrf_header"]');
	if (token && header) {
		event.detail.headers[header.content] = token.content;
	}
});

// A refused action (404, 409, 412, 422) comes back as a message for the page's message
// area (the server sets HX-Retarget); other errors are not swapped.
document.addEventListener('DOMContentLoaded', function () {
	if (window.htmx) {
		htmx.config.responseHandling = [
			{ code: '204', swap: false },
			{ code: '[23]..', swap: true },
			{ code: '(404|409|412|422)', swap: true, error: false },
			{ code: '[45]..', swap: false, error: true }
		];
	}
});

// Keyboard: "/" jumps to the page's search box, unless the user is typing somewhere.
document.addEventListener('keydown', function (event) {
	var target = event.target;
	var typing = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement
		|| target instanceof HTMLSelectElement || (target && target.isContentEditable);
	if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
		var search = document.querySelector('[data-search]');
		if (search) {
			event.preventDefault();
			search.focus();
			search.select();
		}
	}
	// Enter in a lookup field looks up instead of sending the whole form.
	if (event.key === 'Enter' && target && target.hasAttribute && target.hasAttribute('data-enter-changes')) {
		event.preventDefault();
		target.dispatchEvent(new Event('change', { bubbles: true }));
	}
});

document.addEventListener('click', function (event) {
	var target = event.target;
	// A tree node's toggle loads its children once, then only shows or hides them.
	var toggle = target.closest && target.closest('[data-toggle]');
	if (toggle) {
		var children = document.getElementById(toggle.getAttribute('aria-controls'));
		var open = toggle.getAttribute('aria-expanded') === 'true';
		toggle.setAttribute('aria-expanded', open ? 'false' : 'true');
		if (children && toggle.dataset.loaded) {
			children.hidden = open;
		}
		toggle.dataset.loaded = 'true';
	}
	var dismiss = target.closest && target.closest('[data-dismiss]');
	if (dismiss) {
		dismiss.closest('.alert').remove();
	}
});

// Forms that undo nothing ask first.
document.addEventListener('submit', function (event) {
	var question = event.target.getAttribute && event.target.getAttribute('data-confirm');
	if (question && !window.confirm(question)) {
		event.preventDefault();
	}
});

// A new message replaces the last one; clear it when the user starts something new.
document.addEventListener('htmx:beforeRequest', function (event) {
	var flash = document.getElementById('flash');
	if (flash && event.detail.target !== flash) {
		flash.innerHTML = '';
	}
});

// Switching the language keeps the page's own query, such as a search in progress.
document.addEventListener('click', function (event) {
	var link = event.target.closest('a[data-keep-query]');
	if (!link) {
		return;
	}
	var target = new URL(link.href, window.location.href);
	var here = new URL(window.location.href);
	here.searchParams.set('lang', target.searchParams.get('lang'));
	event.preventDefault();
	window.location.assign(here.toString());
});

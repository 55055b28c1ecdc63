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

// A long tree in a <select> gets a type-ahead filter: an input with data-filters="<select id>"
// hides the options whose data-search (or text) does not hold what was typed; the chosen
// option always stays. ↑/↓ choose among those shown and Enter keeps the choice without
// sending the form. Without JavaScript the select works as it is.
(function () {
	function shown(select) {
		return Array.prototype.filter.call(select.options, function (option) {
			return option.value !== '' && !option.hidden;
		});
	}
	function filter(input, select) {
		var query = input.value.trim().toLowerCase();
		Array.prototype.forEach.call(select.options, function (option) {
			var text = (option.getAttribute('data-search') || option.textContent).toLowerCase();
			option.hidden = query !== '' && option.value !== '' && !option.selected && text.indexOf(query) < 0;
		});
		Array.prototype.forEach.call(select.querySelectorAll('optgroup'), function (group) {
			group.hidden = !Array.prototype.some.call(group.children, function (option) {
				return !option.hidden;
			});
		});
	}
	function step(select, by) {
		var all = shown(select);
		if (all.length === 0) {
			return;
		}
		var index = all.indexOf(select.options[select.selectedIndex]);
		index = (index < 0) ? (by > 0 ? 0 : all.length - 1) : Math.min(Math.max(index + by, 0), all.length - 1);
		all[index].selected = true;
		select.dispatchEvent(new Event('change', { bubbles: true }));
	}
	document.addEventListener('DOMContentLoaded', function () {
		document.querySelectorAll('input[data-filters]').forEach(function (input) {
			var select = document.getElementById(input.getAttribute('data-filters'));
			if (!select) {
				return;
			}
			input.addEventListener('input', function () {
				filter(input, select);
				var first = shown(select)[0];
				var chosen = select.options[select.selectedIndex];
				// typing picks the first match unless what is chosen still matches
				if (first && input.value.trim() !== '' && (!chosen || chosen.value === ''
						|| (chosen.getAttribute('data-search') || chosen.textContent).toLowerCase()
							.indexOf(input.value.trim().toLowerCase()) < 0)) {
					first.selected = true;
					filter(input, select);
				}
			});
			input.addEventListener('keydown', function (event) {
				if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
					event.preventDefault();
					step(select, event.key === 'ArrowDown' ? 1 : -1);
					filter(input, select);
				}
				else if (event.key === 'Enter') {
					event.preventDefault();
					select.focus();
				}
			});
			filter(input, select);
		});
	});
})();

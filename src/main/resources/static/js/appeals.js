// The appeal pages: the intake form's pickers, its draft in the browser, and printing.
(function () {
	'use strict';

	// A list to pick from with the arrow keys and Enter, or the mouse.
	function combobox(input, list, choose) {
		function options() {
			return Array.prototype.filter.call(list.querySelectorAll('[role=option]'), function (option) {
				return !option.hidden;
			});
		}
		function mark(all, index) {
			all.forEach(function (option, i) {
				option.setAttribute('aria-selected', i === index ? 'true' : 'false');
			});
			if (all[index]) {
				input.setAttribute('aria-activedescendant', all[index].id);
				all[index].scrollIntoView({ block: 'nearest' });
			}
			else {
				input.removeAttribute('aria-activedescendant');
			}
		}
		input.addEventListener('keydown', function (event) {
			var all = options();
			var index = all.findIndex(function (option) {
				return option.getAttribute('aria-selected') === 'true';
			});
			if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
				event.preventDefault();
				list.classList.add('open');
				index = (event.key === 'ArrowDown') ? Math.min(index + 1, all.length - 1) : Math.max(index - 1, 0);
				mark(all, index);
			}
			else if (event.key === 'Enter') {
				// Enter picks; it never sends the half-filled form
				event.preventDefault();
				if (index < 0 && all.length > 0 && input.value.trim() !== '') {
					index = 0;
				}
				if (index >= 0) {
					choose(all[index]);
					list.classList.remove('open');
				}
			}
			else if (event.key === 'Escape') {
				list.classList.remove('open');
			}
		});
		list.addEventListener('mousedown', function (event) {
			event.preventDefault();
		});
		list.addEventListener('click', function (event) {
			var option = event.target.closest('[role=option]');
			if (option) {
				choose(option);
				list.classList.remove('open');
			}
		});
		input.addEventListener('focus', function () {
			if (input.value.trim() !== '') {
				list.classList.add('open');
			}
		});
		input.addEventListener('blur', function () {
			list.classList.remove('open');
		});
		return { mark: mark, options: options };
	}

	function routeChanged() {
		document.body.dispatchEvent(new CustomEvent('route-change'));
	}

	var form = document.getElementById('intake');
	if (form) {
		var key = form.dataset.draftKey;
		var personInput = document.getElementById('person-q');
		var personList = document.getElementById('person-results');
		var personId = form.querySelector('[name=personId]');
		var personChosen = document.getElementById('person-chosen');
		var categoryInput = document.getElementById('category-q');
		var categoryList = document.getElementById('category-list');
		var categoryCode = form.querySelector('[name=categoryCode]');
		var title = form.querySelector('[name=title]');

		function showPerson(label) {
			personChosen.textContent = '';
			personChosen.classList.toggle('empty', !label);
			if (label) {
				var strong = document.createElement('strong');
				strong.textContent = label;
				personChosen.appendChild(strong);
			}
		}
		combobox(personInput, personList, function (option) {
			personId.value = option.dataset.id;
			personInput.value = option.dataset.label;
			personChosen.textContent = '';
			personChosen.classList.remove('empty');
			personChosen.appendChild(option.cloneNode(true)).removeAttribute('id');
			personInput.dataset.chosen = option.dataset.label;
			save();
			routeChanged();
			categoryInput.focus();
		});
		personInput.addEventListener('input', function () {
			if (personId.value && personInput.value !== personInput.dataset.chosen) {
				personId.value = '';
				showPerson('');
				routeChanged();
			}
		});
		// nothing is marked after a search: ArrowDown marks the first, Enter alone picks it
		document.body.addEventListener('htmx:afterSwap', function (event) {
			[[personInput, personList], [coSignerInput, coSignerList]].forEach(function (pair) {
				if (event.detail.target === pair[1]) {
					var found = pair[1].children.length > 0;
					pair[1].classList.toggle('open', found && document.activeElement === pair[0]);
					pair[0].setAttribute('aria-expanded', found ? 'true' : 'false');
					pair[0].removeAttribute('aria-activedescendant');
				}
			});
		});

		// Co-signers of a joint appeal: each pick becomes a chip with its hidden id, the
		// search empties for the next one, and Backspace in the empty search removes the last.
		var coSignerInput = document.getElementById('co-signer-q');
		var coSignerList = document.getElementById('co-signer-results');
		var coSignersChosen = document.getElementById('co-signers-chosen');

		function coSignerIds() {
			return Array.prototype.map.call(coSignersChosen.querySelectorAll('[name=coSignerIds]'), function (input) {
				return input.value;
			});
		}
		function addCoSigner(id, label) {
			if (!id || id === personId.value || coSignerIds().indexOf(id) >= 0) {
				return;
			}
			var chip = document.createElement('li');
			chip.className = 'chip';
			chip.dataset.id = id;
			chip.dataset.label = label;
			var hidden = document.createElement('input');
			hidden.type = 'hidden';
			hidden.name = 'coSignerIds';
			hidden.value = id;
			var name = document.createElement('span');
			name.textContent = label;
			var remove = document.createElement('button');
			remove.type = 'button';
			remove.className = 'link';
			remove.dataset.removeCoSigner = '';
			remove.setAttribute('aria-label', coSignersChosen.dataset.removeLabel + ' ' + label);
			remove.textContent = '×';
			chip.append(hidden, name, remove);
			coSignersChosen.appendChild(chip);
		}
		combobox(coSignerInput, coSignerList, function (option) {
			addCoSigner(option.dataset.id, option.dataset.label);
			coSignerInput.value = '';
			coSignerList.textContent = '';
			coSignerInput.setAttribute('aria-expanded', 'false');
			coSignerInput.removeAttribute('aria-activedescendant');
			save();
			coSignerInput.focus();
		});
		coSignerInput.addEventListener('keydown', function (event) {
			if (event.key === 'Backspace' && coSignerInput.value === '' && coSignersChosen.lastElementChild) {
				coSignersChosen.lastElementChild.remove();
				save();
			}
		});
		coSignersChosen.addEventListener('click', function (event) {
			var remove = event.target.closest('[data-remove-co-signer]');
			if (remove) {
				remove.closest('.chip').remove();
				save();
				coSignerInput.focus();
			}
		});

		function chooseCategory(option) {
			categoryCode.value = option.dataset.code;
			categoryInput.value = option.dataset.label;
			save();
			routeChanged();
		}
		var categories = combobox(categoryInput, categoryList, function (option) {
			chooseCategory(option);
			title.focus();
		});
		categoryInput.addEventListener('input', function () {
			var typed = categoryInput.value.trim().toLowerCase();
			categoryList.querySelectorAll('[role=option]').forEach(function (option) {
				option.hidden = typed !== '' && option.dataset.keys.indexOf(typed) < 0
					&& option.dataset.label.toLowerCase().indexOf(typed) < 0;
			});
			categoryList.classList.toggle('open', typed !== '');
			categoryInput.setAttribute('aria-expanded', typed !== '' ? 'true' : 'false');
			categories.mark(categories.options(), -1);
		});
		var chosenCategory = categoryList.querySelector('[data-code="' + categoryCode.value + '"]');
		if (categoryCode.value && chosenCategory) {
			categoryInput.value = chosenCategory.dataset.label;
		}
		if (personId.value) {
			personInput.dataset.chosen = personInput.value;
		}

		// The draft: every named field, and what the pickers show, kept in this browser
		// under the user's name, so that a timeout or a lost connection loses nothing.
		function save() {
			var draft = { fields: {}, personLabel: personInput.dataset.chosen || '', coSigners: [] };
			coSignersChosen.querySelectorAll('.chip').forEach(function (chip) {
				draft.coSigners.push({ id: chip.dataset.id, label: chip.dataset.label });
			});
			Array.prototype.forEach.call(form.elements, function (element) {
				if (!element.name || element.name === '_csrf' || element.type === 'submit' || element.type === 'button'
					|| element.name === 'coSignerIds' || element.name === 'coSignerQuery') {
					return;
				}
				if (element.type === 'checkbox') {
					draft.fields[element.name] = element.checked;
				}
				else if (element.type !== 'hidden' || element.name === 'personId' || element.name === 'categoryCode') {
					draft.fields[element.name] = element.value;
				}
			});
			try {
				localStorage.setItem(key, JSON.stringify(draft));
			}
			catch (ignored) {
				// a full or disabled storage only costs the draft
			}
		}
		function restore() {
			var draft;
			try {
				draft = JSON.parse(localStorage.getItem(key) || 'null');
			}
			catch (ignored) {
				draft = null;
			}
			if (!draft || !draft.fields) {
				return;
			}
			var restored = false;
			Object.keys(draft.fields).forEach(function (name) {
				var element = form.elements.namedItem(name);
				if (!element || name === 'roomId' || name === 'coSignerIds') {
					return;
				}
				if (element.type === 'checkbox') {
					element.checked = draft.fields[name];
					restored = restored || draft.fields[name];
				}
				else if (element.value !== draft.fields[name]) {
					restored = restored || (draft.fields[name] !== '' && name !== 'channel' && name !== 'peopleCount');
					element.value = draft.fields[name];
				}
			});
			if (draft.fields.personId) {
				personInput.dataset.chosen = draft.personLabel;
				showPerson(draft.personLabel);
			}
			(draft.coSigners || []).forEach(function (coSigner) {
				addCoSigner(coSigner.id, coSigner.label);
				restored = true;
			});
			if (draft.fields.roomId && window.htmx) {
				document.querySelector('details.place').open = true;
				htmx.ajax('GET', '/places/picker?roomId=' + encodeURIComponent(draft.fields.roomId),
					{ target: form.querySelector('.picker'), swap: 'outerHTML' });
			}
			if (restored) {
				document.getElementById('draft-restored').hidden = false;
			}
		}
		if (form.dataset.fresh === 'true') {
			restore();
		}
		else {
			save();
		}
		form.addEventListener('input', save);
		form.addEventListener('change', save);
		document.addEventListener('htmx:load', function () {
			if (form.dataset.restored !== 'true') {
				form.dataset.restored = 'true';
				routeChanged();
			}
		});
		form.querySelector('[data-clear-form]').addEventListener('click', function () {
			localStorage.removeItem(key);
			window.location.reload();
		});
		// Alt+digit goes to the field of that access key in every browser, not only in
		// those whose own access-key modifier is Alt.
		document.addEventListener('keydown', function (event) {
			if (!event.altKey || event.ctrlKey || event.metaKey || !/^Digit\d$/.test(event.code)) {
				return;
			}
			var field = form.querySelector('[accesskey="' + event.code.slice(5) + '"]');
			if (field) {
				event.preventDefault();
				field.focus();
			}
		});
		// Ctrl+Enter sends the form from anywhere in it, the description included.
		form.addEventListener('keydown', function (event) {
			if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
				event.preventDefault();
				form.requestSubmit();
			}
		});
	}

	// The appeal's page after a successful intake: the draft has become the appeal.
	document.querySelectorAll('[data-clear-draft]').forEach(function (element) {
		localStorage.removeItem(element.dataset.clearDraft);
	});

	document.addEventListener('click', function (event) {
		if (event.target.closest('[data-print]')) {
			window.print();
		}
	});
})();

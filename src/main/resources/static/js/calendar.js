// The calendar form: "add a row" copies the last row empty and focuses its date; "remove"
// takes the row away and moves the focus to the row that took its place. A row left
// empty is not saved, so the page also works without this script.
document.addEventListener('click', function (event) {
	var body = document.getElementById('calendar-days');
	if (!body || !(event.target instanceof Element)) {
		return;
	}
	if (event.target.closest('[data-add-day]')) {
		var template = body.lastElementChild;
		var row = template.cloneNode(true);
		row.classList.remove('invalid');
		row.querySelectorAll('input').forEach(function (input) {
			input.value = '';
			input.removeAttribute('aria-invalid');
		});
		row.querySelector('select').selectedIndex = 0;
		row.firstElementChild.textContent = '';
		body.appendChild(row);
		row.querySelector('input').focus();
	}
	var remove = event.target.closest('[data-remove-day]');
	if (remove && body.contains(remove)) {
		var gone = remove.closest('tr');
		var next = gone.nextElementSibling || gone.previousElementSibling;
		if (!next) {
			// keep one row to copy from; empty it instead
			gone.querySelectorAll('input').forEach(function (input) { input.value = ''; });
			gone.querySelector('input').focus();
			return;
		}
		gone.remove();
		next.querySelector('input').focus();
	}
});

// Counts an incident's task and report timers down every second: the time left, or in red
// how long a timer has been overdue. The page carries the due instants and the wording.
(function () {
	function span(ms) {
		var minutes = Math.floor(Math.abs(ms) / 60000);
		var hours = Math.floor(minutes / 60);
		return (hours > 0 ? hours + ':' : '') + String(minutes % 60).padStart(hours > 0 ? 2 : 1, '0')
			+ ':' + String(Math.floor(Math.abs(ms) / 1000) % 60).padStart(2, '0');
	}
	function tick() {
		document.querySelectorAll('.timer[data-due]').forEach(function (timer) {
			var left = Date.parse(timer.dataset.due) - Date.now();
			var over = left <= 0;
			timer.textContent = (over ? timer.dataset.over : timer.dataset.left).replace('{0}', span(left));
			timer.classList.toggle('flag', over);
			timer.classList.toggle('flag-OVERDUE', over);
		});
	}
	document.addEventListener('DOMContentLoaded', function () {
		tick();
		setInterval(tick, 1000);
	});
})();

// Keeps the navigation's unread badge current: the server sends the count when the
// stream opens and with every new notification or change; EventSource reconnects by
// itself after a timeout or a dropped connection.
document.addEventListener('DOMContentLoaded', function () {
	var badge = document.querySelector('[data-inbox-badge]');
	if (!badge || !window.EventSource) {
		return;
	}
	var link = badge.closest('a');
	function show(unread) {
		badge.textContent = unread > 99 ? '99+' : String(unread);
		badge.hidden = unread === 0;
		if (link && link.dataset.label) {
			link.title = link.dataset.label.replace('{0}', unread);
		}
	}
	function update(event) {
		try {
			show(JSON.parse(event.data).unread);
		} catch (ignored) {
			// a malformed event leaves the badge as it was
		}
	}
	var stream = new EventSource(badge.dataset.stream);
	stream.addEventListener('unread', update);
	stream.addEventListener('notification', update);
	window.addEventListener('pagehide', function () {
		stream.close();
	});
});

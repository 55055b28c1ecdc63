package org.anju.notifications;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open event streams of this node, by user, and what goes down them: the unread count
 * when a stream opens and whenever it changes, each new notification as it is committed,
 * and a comment every {@code anju.notifications.heartbeat} (25 s) so that proxies keep an
 * idle stream open. A stream that ends, times out or fails to take an event is forgotten.
 * <p>
 * Streams live in each node's memory, and news reaches them through PostgreSQL: the
 * writer's transaction sends a {@code NOTIFY}, which PostgreSQL delivers at commit to
 * every node's {@link InboxFanOut}, this one included. So a notification raised on one
 * node reaches a page open on another, and a rolled-back one reaches nobody. A page that
 * misses an event while a node reconnects still shows the right count on its next load.
 */
@Component
class InboxStreams {

	static final String UNREAD = "unread";

	static final String NOTIFICATION = "notification";

	private static final Logger log = LoggerFactory.getLogger(InboxStreams.class);

	private final Map<Listener, Set<SseEmitter>> open = new ConcurrentHashMap<>();

	private final Notifications notifications;

	private final Duration timeout;

	private final JdbcClient jdbc;

	InboxStreams(Notifications notifications, JdbcClient jdbc,
			@Value("${anju.notifications.stream-timeout:PT30M}") Duration timeout) {
		this.notifications = notifications;
		this.jdbc = jdbc;
		this.timeout = timeout;
	}

	/**
	 * Opens a stream for the user that starts with their unread count. The browser's
	 * EventSource opens a new one when this one times out.
	 */
	SseEmitter open(CommunityId community, long userId) {
		Listener listener = new Listener(community.value(), userId);
		SseEmitter emitter = new SseEmitter(this.timeout.toMillis());
		this.open.computeIfAbsent(listener, (key) -> ConcurrentHashMap.newKeySet()).add(emitter);
		emitter.onCompletion(() -> forget(listener, emitter));
		emitter.onTimeout(() -> {
			forget(listener, emitter);
			// ends the response cleanly; the browser's EventSource then opens a new
			// stream
			emitter.complete();
		});
		emitter.onError((ex) -> forget(listener, emitter));
		send(listener, emitter,
				SseEmitter.event().name(UNREAD).data(new Live(this.notifications.unread(community, userId), null)));
		return emitter;
	}

	/**
	 * Tells the user's open pages on every node, once the current transaction commits, of
	 * a new notification or (with none) of a changed unread count.
	 */
	void tellAfterCommit(CommunityId community, long userId, @Nullable Notification created) {
		this.jdbc.sql("select pg_notify(:channel, :payload)")
			.param("channel", InboxFanOut.CHANNEL)
			.param("payload", community.value() + ":" + userId + ":" + ((created != null) ? created.id() : 0))
			.query(Object.class)
			.optional();
	}

	/**
	 * Passes on what a node's transaction told: {@code community:user:notification}, the
	 * notification {@code 0} for a changed count.
	 */
	void deliver(String payload) {
		String[] parts = payload.split(":");
		if (parts.length != 3) {
			log.warn("Inbox news not understood: {}", payload);
			return;
		}
		Listener listener = new Listener(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
		if (!this.open.containsKey(listener)) {
			return;
		}
		long id = Long.parseLong(parts[2]);
		CommunityId community = new CommunityId(listener.community());
		tell(listener, (id == 0) ? null : this.notifications.find(community, listener.user(), id).orElse(null));
	}

	/**
	 * Ends every stream when the application stops: a graceful shutdown waits for open
	 * requests, and a page would keep its stream open for as long as it is shown. Its
	 * EventSource reconnects, to this node once it is back or to another.
	 */
	@EventListener(ContextClosedEvent.class)
	void closeAll() {
		this.open.values().forEach((emitters) -> emitters.forEach(SseEmitter::complete));
		this.open.clear();
	}

	@Scheduled(fixedRateString = "${anju.notifications.heartbeat:PT25S}", initialDelayString = "PT25S")
	void heartbeat() {
		this.open.forEach((listener, emitters) -> emitters
			.forEach((emitter) -> send(listener, emitter, SseEmitter.event().comment("heartbeat"))));
	}

	/**
	 * @return how many streams are open, for tests and diagnostics
	 */
	int openStreams() {
		return this.open.values().stream().mapToInt(Set::size).sum();
	}

	private void tell(Listener listener, @Nullable Notification created) {
		Set<SseEmitter> emitters = this.open.get(listener);
		if (emitters == null || emitters.isEmpty()) {
			return;
		}
		Live live = new Live(this.notifications.unread(new CommunityId(listener.community()), listener.user()),
				created);
		for (SseEmitter emitter : emitters) {
			send(listener, emitter, SseEmitter.event().name((created != null) ? NOTIFICATION : UNREAD).data(live));
		}
	}

	private void send(Listener listener, SseEmitter emitter, SseEmitter.SseEventBuilder event) {
		try {
			emitter.send(event);
		}
		catch (IOException | IllegalStateException ex) {
			// the browser went away; its EventSource, if any, will open a new stream
			log.debug("Inbox stream of user {} closed: {}", listener.user(), ex.getMessage());
			forget(listener, emitter);
			emitter.completeWithError(ex);
		}
	}

	private void forget(Listener listener, SseEmitter emitter) {
		this.open.computeIfPresent(listener, (key, emitters) -> {
			emitters.remove(emitter);
			return emitters.isEmpty() ? null : emitters;
		});
	}

	/**
	 * Whose stream it is.
	 */
	private record Listener(long community, long user) {
	}

	/**
	 * What an event carries: the unread count, and the new notification if one came.
	 */
	record Live(long unread, @Nullable Notification notification) {
	}

}

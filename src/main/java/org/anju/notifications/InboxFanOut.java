package org.anju.notifications;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens on one database connection of its own for the inbox news that any node's
 * transaction sends ({@code NOTIFY anju_inbox}), and hands it to this node's open
 * streams. When the database goes away it tries again every two seconds; what was sent
 * meanwhile is lost to the live pages, not to the inboxes.
 */
@Component
class InboxFanOut implements SmartLifecycle {

	static final String CHANNEL = "anju_inbox";

	private static final Logger log = LoggerFactory.getLogger(InboxFanOut.class);

	private static final int POLL_MILLIS = 1000;

	private final DataSource dataSource;

	private final InboxStreams streams;

	private volatile boolean running;

	private @Nullable Thread thread;

	InboxFanOut(DataSource dataSource, InboxStreams streams) {
		this.dataSource = dataSource;
		this.streams = streams;
	}

	@Override
	public void start() {
		this.running = true;
		this.thread = new Thread(this::listen, "inbox-fan-out");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Thread listening = this.thread;
		if (listening == null) {
			return;
		}
		try {
			listening.join(2 * POLL_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void listen() {
		while (this.running) {
			try (Connection connection = this.dataSource.getConnection()) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN " + CHANNEL);
				}
				PGConnection listening = connection.unwrap(PGConnection.class);
				while (this.running) {
					for (PGNotification news : listening.getNotifications(POLL_MILLIS)) {
						this.streams.deliver(news.getParameter());
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (this.running) {
					log.debug("Inbox fan-out lost its connection, trying again: {}", ex.getMessage());
					pause();
				}
			}
		}
	}

	private void pause() {
		try {
			Thread.sleep(2 * POLL_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

}

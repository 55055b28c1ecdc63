package org.anju.platform;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;

class SingleFlightTests {

	private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

	SingleFlightTests() {
		this.executor.setCorePoolSize(2);
		this.executor.initialize();
	}

	@AfterEach
	void stop() {
		this.executor.shutdown();
	}

	@Test
	void wakeUpsSpreadOverLessThanAGatheringMakeOneRound() throws Exception {
		AtomicInteger rounds = new AtomicInteger();
		CountDownLatch ran = new CountDownLatch(1);
		SingleFlight work = new SingleFlight("Counting", this.executor, Duration.ofSeconds(2), () -> {
			rounds.incrementAndGet();
			ran.countDown();
		});

		// ten commits, 20 ms apart: without a gathering each finds the work idle and
		// starts a round of its own
		for (int i = 0; i < 10; i++) {
			work.wake();
			Thread.sleep(20);
		}

		assertThat(ran.await(30, TimeUnit.SECONDS)).isTrue();
		awaitIdle();
		assertThat(rounds).hasValue(1);
	}

	@Test
	void aWakeUpDuringARoundMakesAnotherRound() throws Exception {
		AtomicInteger rounds = new AtomicInteger();
		CountDownLatch inFirstRound = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		SingleFlight work = new SingleFlight("Counting", this.executor, Duration.ZERO, () -> {
			if (rounds.incrementAndGet() == 1) {
				inFirstRound.countDown();
				await(release);
			}
		});

		work.wake();
		assertThat(inFirstRound.await(30, TimeUnit.SECONDS)).isTrue();
		work.wake();
		work.wake();
		release.countDown();

		awaitIdle();
		assertThat(rounds).hasValue(2);
	}

	private void awaitIdle() throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (this.executor.getActiveCount() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(this.executor.getActiveCount()).isZero();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

package org.anju;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * A benchmark over the benchmarks' data set, the one {@code bin/bench-data} builds: the
 * demo community (50,000 people), a million sample appeals over three years, conflict
 * cases, mood notes, care visits and warnings. The test names its data directory with
 * {@code @TestPropertySource(properties = "anju.embedded-db.data-dir=...")}; the set is
 * built there on the first run and reused as it is on the next ones ({@code ./mvnw clean}
 * starts afresh; {@code bin/bench-data --data-dir} builds it ahead). Tagged
 * {@code benchmark}, so not part of the normal build.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("benchmark")
@SpringBootTest(properties = { "anju.demo=true", "anju.demo.appeals=1000000", "anju.demo.bench=true",
		"anju.embedded-db.clean=false" })
public @interface BenchmarkDataSet {

}

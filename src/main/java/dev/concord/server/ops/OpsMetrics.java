package dev.concord.server.ops;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import javax.sql.DataSource;

/**
 * The server's meters, one registry per server instance (tests run several in one JVM), scraped by
 * Prometheus at {@code /metrics}.
 *
 * <p>Two gauges are fed by suppliers other parts of the server set: {@link #openEventStreams(DoubleSupplier)}
 * and {@link #changeLogLag(DoubleSupplier)}. Whoever owns the event streams sets them when the hub starts
 * (see {@code OpsWiring}); until then they read 0.
 */
public final class OpsMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter conflicts;
    private final Counter preconditionRequired;
    private final Counter overrides;
    private final Counter replays;
    /**
     * The request timers by method, route template and status: a handful of routes and statuses, so a few dozen
     * timers. Looked up here instead of built and registered on every request (issue 16: the builder made and
     * sorted the tags and hashed them into the registry's id map each time).
     */
    private final Map<TimerKey, Timer> requestTimers = new ConcurrentHashMap<>();
    private volatile DoubleSupplier openStreams = () -> 0;
    private volatile DoubleSupplier changeLogLag = () -> 0;

    public OpsMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        conflicts = Counter.builder("concord.write.conflicts")
                .description("Writes refused with 409 because the record had moved on").register(registry);
        preconditionRequired = Counter.builder("concord.write.precondition.required")
                .description("Writes refused with 428 because they named no version").register(registry);
        overrides = Counter.builder("concord.write.overrides")
                .description("Forced changes by an admin (X-Override-Reason) that were applied").register(registry);
        replays = Counter.builder("concord.write.idempotent.replays")
                .description("Retried writes answered from the idempotency store instead of applied again")
                .register(registry);
        Gauge.builder("concord.events.streams.open", this, m -> m.openStreams.getAsDouble())
                .description("Event streams (SSE) currently open on this instance").register(registry);
        Gauge.builder("concord.changelog.lag", this, m -> m.changeLogLag.getAsDouble())
                .description("Change-log entries committed but not yet published to this instance's streams")
                .register(registry);
    }

    /** The registry, for binders of other components. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Reports the connection pool's own meters (hikaricp_connections_*) when it is a Hikari pool. */
    public void bindPool(DataSource dataSource) {
        if (dataSource instanceof HikariDataSource hikari && hikari.getMetricRegistry() == null) {
            hikari.setMetricRegistry(registry);
        }
    }

    /** Sets where the open-streams gauge reads from (the event hub's subscriber count). */
    public void openEventStreams(DoubleSupplier supplier) {
        this.openStreams = supplier;
    }

    /** Sets where the change-log lag gauge reads from (entries not yet published by the event hub). */
    public void changeLogLag(DoubleSupplier supplier) {
        this.changeLogLag = supplier;
    }

    /** Counts one answered request: latency by method, route template and status, and the write outcomes. */
    void record(RequestRecord r) {
        requestTimers.computeIfAbsent(new TimerKey(r.method(), r.route(), r.status()), this::requestTimer)
                .record(Math.max(0, (long) (r.millis() * 1_000_000)), TimeUnit.NANOSECONDS);
        if (r.status() == 409) {
            conflicts.increment();
        } else if (r.status() == 428) {
            preconditionRequired.increment();
        }
        if (r.override() && r.status() >= 200 && r.status() < 300) {
            overrides.increment();
        }
        if (r.replayed()) {
            replays.increment();
        }
    }

    private Timer requestTimer(TimerKey k) {
        return Timer.builder("http.server.requests").description("HTTP requests by route template and status")
                .tags("method", k.method(), "route", k.route(), "status", Integer.toString(k.status()))
                .publishPercentileHistogram(false)
                .register(registry);
    }

    private record TimerKey(String method, String route, int status) {
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    /** The content type of {@link #scrape()}. */
    public static String contentType() {
        return "text/plain; version=0.0.4; charset=utf-8";
    }
}

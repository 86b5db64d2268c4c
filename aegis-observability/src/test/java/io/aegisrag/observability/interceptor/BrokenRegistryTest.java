package io.aegisrag.observability.interceptor;

import io.aegisrag.core.error.AegisException;
import io.aegisrag.core.llm.TokenSink;
import io.aegisrag.core.error.ErrorType;
import io.aegisrag.observability.metrics.AegisMetrics;
import io.aegisrag.observability.tracing.NoopStageTracer;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.jboss.weld.junit.MockBean;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

/** A metrics registry that throws on every call must not change what the business beans do. */
@EnableWeld
class BrokenRegistryTest {

    private static final MetricRegistry BROKEN = mock(MetricRegistry.class, invocation -> {
        throw new IllegalStateException("registry is broken");
    });

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(AegisMetrics.class, NoopStageTracer.class,
                    TrackedStageInterceptor.class, TrackedCacheInterceptor.class, TrackedLlmCallInterceptor.class,
                    TrackedBeans.Stages.class, TrackedBeans.Outer.class, TrackedBeans.Cache.class, TrackedBeans.Model.class)
            .addBeans(MockBean.of(BROKEN, MetricRegistry.class))
            .build();

    @Inject
    TrackedBeans.Stages stages;

    @Inject
    TrackedBeans.Cache cache;

    @Inject
    TrackedBeans.Model model;

    @Test
    void should_return_the_business_result_when_recording_fails() {
        assertThat(stages.search("q")).isEqualTo("found q");
        assertThat(cache.lookup("known-key")).contains("value");
        assertThat(model.generate(TrackedBeans.Model.prompt("question"), null, TokenSink.NONE).text()).isEqualTo("answer");
    }

    @Test
    void should_rethrow_the_business_failure_itself_when_recording_fails() {
        assertThatThrownBy(() -> stages.failWith(ErrorType.TIMEOUT))
                .isInstanceOf(AegisException.class)
                .hasMessage("failed on purpose");
    }
}

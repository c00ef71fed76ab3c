package dev.switchboard.routing.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports an unusable {@code switchboard.config} as Boot's "APPLICATION FAILED TO START" with what to do. */
final class RoutingConfigFailureAnalyzer extends AbstractFailureAnalyzer<RoutingConfigUnavailable> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RoutingConfigUnavailable cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}

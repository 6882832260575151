package kr.mokmin.triage.duplicate;

import java.time.Clock;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import kr.mokmin.triage.facts.ExtractiveSummarizer;
import kr.mokmin.triage.facts.RuleFactExtractor;
import kr.mokmin.triage.facts.Summarizer;

/**
 * The facts extractor, the summarizer and the duplicate index as beans. The index's window and thresholds can be
 * set under {@code mokmin.triage.duplicates.*} ({@link WinnowingDuplicateIndex.Settings} field names, e.g.
 * {@code mokmin.triage.duplicates.window=30d}); unset ones keep the calibrated defaults.
 */
@Configuration(proxyBeanMethods = false)
class DuplicateConfiguration {

    @Bean
    RuleFactExtractor factExtractor() {
        return new RuleFactExtractor();
    }

    @Bean
    ExtractiveSummarizer summarizer() {
        return new ExtractiveSummarizer();
    }

    @Bean
    WinnowingDuplicateIndex duplicateIndex(Environment environment, Summarizer summarizer, Clock clock) {
        WinnowingDuplicateIndex.Settings defaults = WinnowingDuplicateIndex.Settings.defaults();
        Binder binder = Binder.get(environment);
        String prefix = "mokmin.triage.duplicates.";
        WinnowingDuplicateIndex.Settings settings = new WinnowingDuplicateIndex.Settings(
                binder.bind(prefix + "window", java.time.Duration.class).orElse(defaults.window()),
                binder.bind(prefix + "max-entries", Integer.class).orElse(defaults.maxEntries()),
                binder.bind(prefix + "duplicate-threshold", Double.class).orElse(defaults.duplicateThreshold()),
                binder.bind(prefix + "same-place-threshold", Double.class).orElse(defaults.samePlaceThreshold()),
                defaults.minSimilarity(), defaults.shingle(), defaults.winnow(), defaults.commonPosting(),
                defaults.sketch());
        return new WinnowingDuplicateIndex(settings, summarizer, clock);
    }
}

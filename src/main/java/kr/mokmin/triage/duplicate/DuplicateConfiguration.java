package kr.mokmin.triage.duplicate;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import kr.mokmin.MokminProperties;
import kr.mokmin.triage.facts.ExtractiveSummarizer;
import kr.mokmin.triage.facts.RuleFactExtractor;
import kr.mokmin.triage.facts.Summarizer;

/**
 * The facts extractor, the summarizer and the duplicate index as beans; the index's window, size and thresholds
 * are {@code mokmin.triage.duplicates.*} ({@link MokminProperties.Duplicates}).
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
    WinnowingDuplicateIndex duplicateIndex(MokminProperties properties, Summarizer summarizer, Clock clock) {
        MokminProperties.Duplicates d = properties.triage().duplicates();
        WinnowingDuplicateIndex.Settings settings = WinnowingDuplicateIndex.Settings.defaults()
                .withWindow(d.window()).withMaxEntries(d.maxEntries())
                .withThresholds(d.duplicateThreshold(), d.samePlaceThreshold());
        return new WinnowingDuplicateIndex(settings, summarizer, clock);
    }
}

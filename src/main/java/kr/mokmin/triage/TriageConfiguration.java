package kr.mokmin.triage;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import kr.mokmin.triage.pii.KoreanPiiMasker;
import kr.mokmin.triage.pii.PiiMasker;

/** Wires the triage parts. */
@Configuration(proxyBeanMethods = false)
class TriageConfiguration {

    @Bean
    PiiMasker piiMasker() {
        return new KoreanPiiMasker();
    }
}

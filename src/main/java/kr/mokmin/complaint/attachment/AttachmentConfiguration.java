package kr.mokmin.complaint.attachment;

import java.io.IOException;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import kr.mokmin.MokminProperties;
import kr.mokmin.common.ContentStore;

/** Wires the plain-Java parts of attachments and checks their settings at startup. */
@Configuration(proxyBeanMethods = false)
class AttachmentConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AttachmentConfiguration.class);

    /** Temporary files older than this at startup are leftovers of a crash. */
    private static final Duration STALE_UPLOAD = Duration.ofHours(1);

    @Bean
    ContentStore attachmentStore(MokminProperties properties) throws IOException {
        var settings = properties.attachments();
        if (settings.maxSize().toBytes() <= 0 || settings.maxPerComplaint() <= 0) {
            throw new IllegalStateException("mokmin.attachments.max-size and max-per-complaint must be positive");
        }
        if (settings.maxRequestSize().toBytes() < settings.maxSize().toBytes()) {
            throw new IllegalStateException("mokmin.attachments.max-request-size (%s) must be at least max-size (%s)"
                    .formatted(settings.maxRequestSize(), settings.maxSize()));
        }
        ContentStore store = new ContentStore(properties.dataDir().resolve("attachments"));
        int swept = store.sweepTemporaryFiles(STALE_UPLOAD);
        if (swept > 0) {
            log.info("Deleted {} temporary upload file(s) left over from an interrupted run", swept);
        }
        return store;
    }

    @Bean
    ContentSniffer contentSniffer() {
        return new ContentSniffer();
    }

    @Bean
    AttachmentTypes attachmentTypes(MokminProperties properties) {
        return new AttachmentTypes(properties.attachments().allowedTypes());
    }
}

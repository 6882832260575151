package kr.mokmin.complaint.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class AttachmentTypesTest {

    @Test
    void defaultsCoverWhatComplaintsComeWith() {
        var types = new AttachmentTypes(null);
        for (String t : List.of("image/jpeg", "image/png", "image/heic", "application/pdf", "application/x-hwp-v5",
                "application/hwp+zip", ContentSniffer.DOCX, "text/plain")) {
            assertThat(types.isAllowed(t)).as(t).isTrue();
        }
        for (String t : List.of("text/html", "image/svg+xml", "application/x-msdownload", "application/x-executable",
                "application/zip", "application/octet-stream", "application/x-tika-msoffice", "text/javascript")) {
            assertThat(types.isAllowed(t)).as(t).isFalse();
        }
        assertThat(new AttachmentTypes(List.of()).allowed()).hasSameSizeAs(AttachmentTypes.DEFAULT_ALLOWED);
    }

    @Test
    void configuredListReplacesTheDefault() {
        var types = new AttachmentTypes(List.of(" image/JPEG ", "application/zip", ""));
        assertThat(types.allowed()).containsExactly("application/zip", "image/jpeg");
        assertThat(types.isAllowed("image/png")).isFalse();
        assertThat(types.isAllowed("application/zip")).isTrue();
    }

    @Test
    void activeContentCannotBeConfigured() {
        assertThatThrownBy(() -> new AttachmentTypes(List.of("text/html"))).hasMessageContaining("never allowed");
        assertThatThrownBy(() -> new AttachmentTypes(List.of("application/x-msdownload")))
                .hasMessageContaining("never allowed");
        assertThatThrownBy(() -> new AttachmentTypes(List.of("not a type"))).hasMessageContaining("not a media type");
    }

    @Test
    void nothingIsServedAsSomethingABrowserRenders() {
        assertThat(AttachmentTypes.servedType("image/png")).isEqualTo("image/png");
        assertThat(AttachmentTypes.servedType("application/pdf")).isEqualTo("application/pdf");
        assertThat(AttachmentTypes.servedType("text/plain")).isEqualTo("text/plain");
        for (String t : List.of("text/html", "image/svg+xml", "application/xml", "text/xml", "application/rss+xml",
                "text/javascript", "application/xhtml+xml", "text/css", "garbage")) {
            assertThat(AttachmentTypes.servedType(t)).as(t).isEqualTo("application/octet-stream");
        }
    }

    @Test
    void extensionFollowsTheContent() {
        assertThat(AttachmentTypes.withFittingExtension("run.bat", "text/plain")).isEqualTo("run.bat.txt");
        assertThat(AttachmentTypes.withFittingExtension("사진.JPG", "image/jpeg")).isEqualTo("사진.JPG");
        assertThat(AttachmentTypes.withFittingExtension("사진.jpeg", "image/png")).isEqualTo("사진.jpeg.png");
        assertThat(AttachmentTypes.withFittingExtension("민원", ContentSniffer.HWP5)).isEqualTo("민원.hwp");
        assertThat(AttachmentTypes.withFittingExtension("표.csv", "text/csv")).isEqualTo("표.csv");
    }
}

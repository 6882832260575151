package kr.mokmin.knowledge;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;

import jakarta.servlet.MultipartConfigElement;
import kr.mokmin.MokminProperties;

/**
 * Document uploads get their own multipart limit ({@code mokmin.knowledge.max-file-size}, 100 MB by default) while
 * every other multipart request keeps the attachment limit: the servlet container takes the limit from the servlet
 * a request is mapped to, so the upload paths are mapped to a second {@link DispatcherServlet} over the same
 * application context (same controllers, security, error handling). Parts are written to disk by the container
 * (threshold 0), never held in memory.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class DocumentUploadServlet {

    /** The exact paths that take document files; everything else stays on the main dispatcher. */
    static final String[] PATHS = {"/api/v1/documents", "/staff/documents/upload"};
    /** Room for the metadata fields and multipart framing around the file. */
    private static final long FIELDS_BYTES = 1024 * 1024;

    @Bean
    ServletRegistrationBean<DispatcherServlet> documentUploadDispatcher(WebApplicationContext context,
                                                                        MokminProperties properties) {
        long max = properties.knowledge().maxFileSize().toBytes();
        var registration = new ServletRegistrationBean<>(new DispatcherServlet(context), PATHS);
        registration.setName("documentUploads");
        registration.setMultipartConfig(new MultipartConfigElement("", max, max + FIELDS_BYTES, 0));
        return registration;
    }
}

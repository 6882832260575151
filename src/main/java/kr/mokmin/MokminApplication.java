package kr.mokmin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class MokminApplication {
    public static void main(String[] args) {
        SpringApplication.run(MokminApplication.class, args);
    }
}

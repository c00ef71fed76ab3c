package dev.switchboard.routing.helpdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The helpdesk service: a Spring Boot application whose router the starter builds from {@code routing.json}. */
@SpringBootApplication
public class HelpdeskService {

    /** Starts the service (port 8080 unless {@code server.port} says otherwise). */
    public static void main(String[] args) {
        SpringApplication.run(HelpdeskService.class, args);
    }
}

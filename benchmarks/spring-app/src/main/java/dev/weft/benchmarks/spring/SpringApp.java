package dev.weft.benchmarks.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The smallest useful Spring Boot web service: {@code GET /hello} answers a line of text. */
@SpringBootApplication
@RestController
public class SpringApp {

  public static void main(String[] args) {
    SpringApplication.run(SpringApp.class, args);
  }

  @GetMapping("/hello")
  public String hello() {
    return "hello from spring boot\n";
  }
}

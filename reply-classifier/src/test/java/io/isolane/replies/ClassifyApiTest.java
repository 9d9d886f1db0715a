package io.isolane.replies;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import io.isolane.testkit.IsolaneTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** POST /v1/classify: raw message in, JSON classification out; bad input as problem+json. */
@QuarkusTest
@WithTestResource(
    value = IsolaneTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "replies"))
class ClassifyApiTest {
  @Test
  void bounceComesBackWithItsDetails() {
    given()
        .contentType("message/rfc822")
        .body(Fixtures.mail("bounces/gmail-address-not-found.eml"))
        .post("/v1/classify")
        .then()
        .statusCode(200)
        .body("category", equalTo("bounce"))
        .body("is_bounce", equalTo(true))
        .body("hard", equalTo(true))
        .body("recipients", contains("jo.nobody@gmail.com"))
        .body("status", equalTo("5.1.1"))
        .body("reason", equalTo("userunknown"))
        .body("confidence", greaterThan(0.9f))
        .body("evidence[0]", containsString("delivery-status"));
  }

  @Test
  void replyComesBackWithNewTextLanguageAndNoBounceFields() {
    given()
        .contentType("message/rfc822")
        .body(
            Fixtures.crlf(
                """
                From: Hans <hans@example.de>
                Subject: AW: Angebot
                Content-Type: text/plain; charset=utf-8

                Danke, aber wir haben kein Interesse.

                Von: Ana <ana@mail.tenant-a.example>
                Gesendet: Montag, 2. März 2026 10:00
                Betreff: Angebot
                """))
        .post("/v1/classify")
        .then()
        .statusCode(200)
        .body("category", equalTo("not_interested"))
        .body("language", equalTo("de"))
        .body("new_text", equalTo("Danke, aber wir haben kein Interesse."))
        .body("is_bounce", equalTo(false))
        .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("recipients")));
  }

  @Test
  void emptyBodyIsAProblemNamingTheField() {
    given()
        .contentType("message/rfc822")
        .body(new byte[0])
        .post("/v1/classify")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("body"))
        .body("errors[0].message", containsString("empty"));
  }

  @Test
  void textWithoutHeadersIsAProblemNamingTheField() {
    given()
        .contentType("text/plain")
        .body("\r\n\r\nhello, no headers here")
        .post("/v1/classify")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("body"))
        .body("errors[0].message", equalTo("no RFC 5322 header fields"));
  }
}

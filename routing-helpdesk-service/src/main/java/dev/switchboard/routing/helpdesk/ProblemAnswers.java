package dev.switchboard.routing.helpdesk;

import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every refusal as {@code application/problem+json}: 400 for bad input, with the bad field in {@code field} when
 * there is one; 404 for an id that is not open or not on the roster; 409 when the state does not allow the call
 * (such as a transfer to an owner who is away or full, or a claim of a conversation that is owned already).
 * Spring MVC's own refusals (unknown path, wrong method or media type) come as problems too.
 */
@RestControllerAdvice
class ProblemAnswers extends ResponseEntityExceptionHandler {

    @ExceptionHandler
    ProblemDetail invalidField(InvalidField invalid) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, invalid.getMessage());
        problem.setTitle("Invalid field");
        problem.setProperty("field", invalid.field());
        return problem;
    }

    /** What the router refused as an argument that the service's own checks let through. */
    @ExceptionHandler
    ProblemDetail refused(IllegalArgumentException refused) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, refused.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unknown(UnknownId unknown) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, unknown.getMessage());
    }

    @ExceptionHandler
    ProblemDetail conflict(Conflict conflict) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, conflict.getMessage());
    }

    /** A body that is not JSON, or whose JSON does not fit: names the field at fault, when the parser knows it. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        Throwable cause = unreadable.getCause();
        if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
            String field = json.getPath().stream()
                    .map(step -> step.getPropertyName() != null ? step.getPropertyName() : "[" + step.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            problem.setTitle("Invalid field");
            problem.setDetail(field + ": " + json.getOriginalMessage());
            problem.setProperty("field", field);
        } else {
            problem.setDetail(cause instanceof JacksonException json ? "the body is not valid JSON: "
                    + json.getOriginalMessage() : "the body is missing or not readable");
        }
        return handleExceptionInternal(unreadable, problem, headers, HttpStatus.BAD_REQUEST, request);
    }
}

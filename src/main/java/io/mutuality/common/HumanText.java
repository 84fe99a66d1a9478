package io.mutuality.common;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;

/**
 * A name or title that people read: on a request field, the JSON value is normalised as it is
 * read (NFC, trimmed) and then checked by {@link Text}'s rule, so a refusal is a 400 validation
 * problem naming the field. Combine with {@code @NotBlank} and {@code @Size}, which then see the
 * normalised value.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = HumanText.Check.class)
@JacksonAnnotationsInside
@JsonDeserialize(using = HumanText.Normalise.class)
public @interface HumanText {

    String message() default "must be a name that can be seen and read";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The rule, with {@link Text}'s words for what is wrong. */
    class Check implements ConstraintValidator<HumanText, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            Optional<String> problem = Text.problem(Text.normalise(value));
            if (problem.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem.get()).addConstraintViolation();
            return false;
        }
    }

    /** NFC and trimmed as the JSON is read. */
    class Normalise extends StdScalarDeserializer<String> {
        public Normalise() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return Text.normalise(StringDeserializer.instance.deserialize(parser, context));
        }
    }
}

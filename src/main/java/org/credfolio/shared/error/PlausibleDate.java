package org.credfolio.shared.error;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * A date a school could really write: not before {@link #EARLIEST} (career and technical credentials
 * recorded here are all later; year 1 or 1753 is a typo or an attack), and at most {@link
 * #yearsAhead()} years after today. Null is valid (pair with {@code @NotNull} where it is required).
 * Fails with code {@code DATE_OUT_OF_RANGE} (see {@link ErrorCodes}).
 */
@Documented
@Constraint(validatedBy = PlausibleDate.Check.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface PlausibleDate {
    /** The first day any date input may name. */
    LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

    /**
     * How many years past today the date may lie; 0 sets no upper bound here, for dates that must
     * have happened already and carry {@code @PastOrPresent} (answered as {@code DATE_IN_FUTURE}).
     */
    int yearsAhead();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<PlausibleDate, LocalDate> {
        private int yearsAhead;

        @Override
        public void initialize(PlausibleDate annotation) {
            yearsAhead = annotation.yearsAhead();
        }

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            LocalDate latest = yearsAhead > 0 ? LocalDate.now().plusYears(yearsAhead) : null;
            if (!value.isBefore(EARLIEST) && (latest == null || !value.isAfter(latest))) {
                return true;
            }
            String rule = latest == null
                    ? "must be on or after " + EARLIEST
                    : "must be between " + EARLIEST + " and " + latest + " (" + yearsAhead + " years from today)";
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(rule).addConstraintViolation();
            return false;
        }
    }
}

package org.jobboard.postings.domain;

import org.jobboard.contracts.postings.SalaryPeriod;
import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.math.BigDecimal;

/** A pay range; amounts are decimal strings on the wire (docs/conventions.md, "Money"). */
public record Salary(
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        @JsonFormat(shape = JsonFormat.Shape.STRING) @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal min,
        @JsonFormat(shape = JsonFormat.Shape.STRING) @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal max,
        @NotNull SalaryPeriod period) {
}

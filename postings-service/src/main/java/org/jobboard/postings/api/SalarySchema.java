package org.jobboard.postings.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jobboard.contracts.postings.SalaryPeriod;

/**
 * How a salary looks on the wire (for the OpenAPI document): the amounts are decimal strings (docs/conventions.md,
 * "Money"), which the domain record's Java type (BigDecimal written as a string) does not tell the generator.
 */
@Schema(name = "Salary", description = "A pay range", requiredProperties = { "currency", "period" })
public class SalarySchema {
    @Schema(description = "ISO 4217", pattern = "^[A-Z]{3}$", maxLength = 3)
    public String currency;

    @Schema(description = "Decimal string, at most 12 integer and 2 fraction digits; null when open-ended", nullable = true,
            pattern = "^[0-9]{1,12}(\\.[0-9]{1,2})?$",
            maxLength = 15)
    public String min;

    @Schema(description = "Decimal string, at least min; null when open-ended", nullable = true, pattern = "^[0-9]{1,12}(\\.[0-9]{1,2})?$", maxLength = 15)
    public String max;

    public SalaryPeriod period;
}

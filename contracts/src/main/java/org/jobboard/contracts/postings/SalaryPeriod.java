package org.jobboard.contracts.postings;

/** The period a salary amount is paid for. */
public enum SalaryPeriod {
    HOUR, DAY, WEEK, MONTH, YEAR
}

package org.jobboard.contracts.postings;

/** Career level. */
public enum Seniority {
    INTERN, JUNIOR, MID, SENIOR, LEAD, PRINCIPAL, EXECUTIVE
}

package org.jobboard.postings.domain;

/** Career level. */
public enum Seniority {
    INTERN, JUNIOR, MID, SENIOR, LEAD, PRINCIPAL, EXECUTIVE
}

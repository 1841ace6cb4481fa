package org.jobboard.contracts.postings;

/** Schema.org employment types. */
public enum EmploymentType {
    FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY, INTERN, VOLUNTEER, PER_DIEM, OTHER
}

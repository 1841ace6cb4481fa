package org.jobboard.contracts.postings;

/** Kinds of application-form questions. */
public enum QuestionType {
    TEXT, YES_NO, SINGLE_CHOICE, MULTI_CHOICE, NUMBER
}

package org.jobboard.postings.domain;

/** Kinds of application-form questions. */
public enum QuestionType {
    TEXT, YES_NO, SINGLE_CHOICE, MULTI_CHOICE, NUMBER
}

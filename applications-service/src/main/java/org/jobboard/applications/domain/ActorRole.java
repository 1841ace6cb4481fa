package org.jobboard.applications.domain;

/** Who moved an application: the candidate (apply, withdraw), a recruiter, or the system (knockout, erasure). */
public enum ActorRole {
    CANDIDATE, RECRUITER, SYSTEM
}

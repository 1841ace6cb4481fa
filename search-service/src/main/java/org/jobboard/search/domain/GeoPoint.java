package org.jobboard.search.domain;

/** WGS84 coordinates in degrees (already range-checked). */
public record GeoPoint(double latitude, double longitude) {
}

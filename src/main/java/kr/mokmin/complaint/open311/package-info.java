/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) at {@code /open311/v2}, plus Service Discovery at
 * {@code /open311/discovery.{json,xml}}. Complaints arrive through {@link kr.mokmin.complaint.ComplaintService}
 * with channel OPEN311; reads never include contact data (name, phone, e-mail). Errors on every Open311 path use
 * the spec's error list, never problem+json.
 */
package kr.mokmin.complaint.open311;

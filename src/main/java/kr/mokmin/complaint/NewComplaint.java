package kr.mokmin.complaint;

/** What intake receives from any channel, before validation. */
public record NewComplaint(String title, String body, Channel channel, Complaint.Contact contact,
                           Complaint.Location location, String serviceCode) {
}

package kr.mokmin.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import kr.mokmin.support.IntegrationTest;

/**
 * After a crash the embedded store may keep a counter update whose complaint was rolled back (counter ahead of
 * the receipt numbers) or the reverse; {@link ComplaintRepository#reconcileCounter} puts the counter back on the
 * highest number on file. Uses past years so that it does not touch the current year's numbers.
 */
class ReceiptCounterReconcileTest extends IntegrationTest {

    @Autowired
    ComplaintRepository repository;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void counterAheadOfTheNumbersOnFileMovesBack() {
        int year = 1991;
        fileComplaints(year, 3);
        setCounter(year, 5); // numbers 4 and 5 were handed out, their intakes rolled back by recovery
        assertThat(reconcile(year)).isEqualTo(-2L);
        assertThat(counter(year)).isEqualTo(3L);
        assertThat(next(year)).isEqualTo(4L);
    }

    @Test
    void counterBehindTheNumbersOnFileMovesForward() {
        int year = 1992;
        fileComplaints(year, 4);
        setCounter(year, 2); // 3 and 4 kept, their counter updates rolled back by recovery
        assertThat(reconcile(year)).isEqualTo(2L);
        assertThat(next(year)).isEqualTo(5L);
    }

    @Test
    void agreeingCounterIsLeftAloneAndAnEmptyYearStartsAtOne() {
        int year = 1993;
        fileComplaints(year, 2);
        assertThat(reconcile(year)).isZero();
        assertThat(counter(year)).isEqualTo(2L);

        int empty = 1994;
        tx.executeWithoutResult(s -> repository.ensureCounter(empty));
        assertThat(reconcile(empty)).isZero();
        assertThat(next(empty)).isEqualTo(1L);
    }

    private void fileComplaints(int year, int count) {
        tx.executeWithoutResult(s -> {
            repository.ensureCounter(year);
            for (int i = 0; i < count; i++) {
                long seq = repository.lockCounter(year) + 1;
                repository.setCounter(year, seq);
                Instant at = Instant.parse(year + "-03-02T01:00:00Z");
                repository.insert(new Complaint(0, "%d-%06d".formatted(year, seq), "제목 " + seq, "내용", Channel.API,
                        Complaint.Contact.NONE, Complaint.Location.NONE, null, null, false, null,
                        ComplaintStatus.RECEIVED, at, at, at, null, null, 0), year, null, null);
            }
        });
    }

    private long reconcile(int year) {
        Long change = tx.execute(s -> repository.reconcileCounter(year));
        return change;
    }

    private long next(int year) {
        Long seq = tx.execute(s -> {
            long value = repository.lockCounter(year) + 1;
            repository.setCounter(year, value);
            return value;
        });
        return seq;
    }

    private void setCounter(int year, long value) {
        jdbc.sql("UPDATE receipt_counter SET last_value = ? WHERE receipt_year = ?").params(value, year).update();
    }

    private long counter(int year) {
        return jdbc.sql("SELECT last_value FROM receipt_counter WHERE receipt_year = ?").param(year)
                .query(Long.class).single();
    }
}

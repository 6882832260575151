package kr.mokmin.calendar;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import kr.mokmin.account.CurrentActor;
import kr.mokmin.common.MokminException;

/** Public holiday calendar, and the admin's election days and 임시공휴일. */
@RestController
public class HolidayController {

    private final HolidayService holidays;

    public HolidayController(HolidayService holidays) {
        this.holidays = holidays;
    }

    @GetMapping(path = "/api/v1/holidays", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<Holiday> year(@RequestParam int year) {
        if (year < KoreanHolidays.MIN_SUPPORTED_YEAR || year > KoreanHolidays.MAX_SUPPORTED_YEAR) {
            throw MokminException.invalid("year는 %d~%d 사이여야 합니다."
                    .formatted(KoreanHolidays.MIN_SUPPORTED_YEAR, KoreanHolidays.MAX_SUPPORTED_YEAR));
        }
        return holidays.holidays().holidays(year);
    }

    @GetMapping(path = "/api/v1/admin/holidays", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<ExtraHoliday> extras() {
        return holidays.extras();
    }

    @PostMapping(path = "/api/v1/admin/holidays", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public ExtraHoliday add(@RequestBody ExtraHoliday holiday) {
        return holidays.add(holiday, CurrentActor.get().name());
    }

    @DeleteMapping("/api/v1/admin/holidays/{date}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void remove(@PathVariable LocalDate date) {
        holidays.remove(date, CurrentActor.get().name());
    }
}

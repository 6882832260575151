/**
 * Korean public-holiday calendar and statutory 민원 deadline arithmetic.
 *
 * <p>Plain Java with no Spring and no I/O: administrator-maintained holidays (elections,
 * 임시공휴일) are handed in through a supplier. All times are Asia/Seoul local times; callers
 * convert before calling in.
 */
package kr.mokmin.calendar;

/* SPDX-License-Identifier: MIT */
/*
 * core/calendar.c - proleptic Gregorian arithmetic on day numbers (days
 * since 1970-01-01), ISO weeks and date parsing. Algorithms after Howard
 * Hinnant's days_from_civil / civil_from_days.
 */
#include "core/internal.h"

#include <stdio.h>
#include <string.h>

int32_t annals__days_from_civil(int y, int m, int d)
{
    int64_t yy = (int64_t)y - (m <= 2);
    int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
    int64_t yoe = yy - era * 400;
    int64_t mp = (m + 9) % 12;
    int64_t doy = (153 * mp + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    int64_t days = era * 146097 + doe - 719468;
    if (days <= INT32_MIN) {
        return INT32_MIN + 1;
    }
    if (days > INT32_MAX) {
        return INT32_MAX;
    }
    return (int32_t)days;
}

void annals__civil_from_days(int32_t z32, int *y, int *m, int *d)
{
    int64_t z = (int64_t)z32 + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t yy = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int64_t dd = doy - (153 * mp + 2) / 5 + 1;
    int64_t mm = mp < 10 ? mp + 3 : mp - 9;
    *y = (int)(yy + (mm <= 2));
    *m = (int)mm;
    *d = (int)dd;
}

bool annals__is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int annals__days_in_month(int y, int m)
{
    static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) {
        return 0;
    }
    return m == 2 && annals__is_leap(y) ? 29 : dim[m - 1];
}

int annals__weekday(int32_t days)
{
    /* 1970-01-01 was a Thursday (3 when Monday is 0). */
    int64_t w = ((int64_t)days + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

void annals__iso_week(int32_t days, int *iso_year, int *week)
{
    int y, m, d;
    int32_t thursday = days - annals__weekday(days) + 3;
    int32_t jan1;
    annals__civil_from_days(thursday, &y, &m, &d);
    jan1 = annals__days_from_civil(y, 1, 1);
    *iso_year = y;
    *week = (int)((thursday - jan1) / 7 + 1);
}

static bool digits(const char *s, size_t n, int *out)
{
    int v = 0;
    size_t i;
    for (i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

bool annals__parse_ymd(const char *s, size_t len, int *y, int *m, int *d)
{
    if (len < 10 || s[4] != '-' || s[7] != '-') {
        return false;
    }
    if (len > 10 && s[10] != 'T' && s[10] != ' ') {
        return false;
    }
    if (!digits(s, 4, y) || !digits(s + 5, 2, m) || !digits(s + 8, 2, d)) {
        return false;
    }
    return *m >= 1 && *m <= 12 && *d >= 1 && *d <= annals__days_in_month(*y, *m);
}

void annals__format_day(int32_t days, char *buf)
{
    int y, m, d;
    char tmp[48];
    annals__civil_from_days(days, &y, &m, &d);
    if (y < 0 || y > 9999) {
        memcpy(buf, "XXXX-XX-XX", 11);
        return;
    }
    snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d", y, m, d);
    memcpy(buf, tmp, 10);
    buf[10] = '\0';
}

"""The functioneel beheerder sets up locations (counters and ceremony rooms), their hours,
closing days and products, and the officiants (BABS) with their availability."""

from django.contrib import admin

from loket.appointments.models import (
    ClosingDay,
    Location,
    LocationProduct,
    Officiant,
    OfficiantAbsence,
    OfficiantHours,
    OpeningHours,
)


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0


class ClosingDayInline(admin.TabularInline):
    model = ClosingDay
    extra = 0


class LocationProductInline(admin.TabularInline):
    model = LocationProduct
    extra = 0


@admin.register(Location)
class LocationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "address"]
    list_filter = ["kind"]
    inlines = [OpeningHoursInline, ClosingDayInline, LocationProductInline]


class OfficiantHoursInline(admin.TabularInline):
    model = OfficiantHours
    extra = 0


class OfficiantAbsenceInline(admin.TabularInline):
    model = OfficiantAbsence
    extra = 0


@admin.register(Officiant)
class OfficiantAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "active"]
    list_filter = ["active"]
    inlines = [OfficiantHoursInline, OfficiantAbsenceInline]

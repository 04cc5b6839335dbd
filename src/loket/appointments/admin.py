"""The functioneel beheerder sets up locations, their hours, closing days and products."""

from django.contrib import admin

from loket.appointments.models import ClosingDay, Location, LocationProduct, OpeningHours


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
    list_display = ["name", "address"]
    inlines = [OpeningHoursInline, ClosingDayInline, LocationProductInline]

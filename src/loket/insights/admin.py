from django.contrib import admin

from loket.insights.models import ChannelCost, Publication


@admin.register(ChannelCost)
class ChannelCostAdmin(admin.ModelAdmin):
    list_display = ["channel", "cost"]


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "published_on"]
    list_filter = ["kind"]
    search_fields = ["title", "summary", "text"]
    date_hierarchy = "published_on"

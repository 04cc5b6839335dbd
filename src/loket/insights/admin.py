from django.contrib import admin

from loket.insights.models import ChannelCost


@admin.register(ChannelCost)
class ChannelCostAdmin(admin.ModelAdmin):
    list_display = ["channel", "cost"]

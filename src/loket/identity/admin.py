from django.contrib import admin

from loket.identity.models import ApiClient


@admin.register(ApiClient)
class ApiClientAdmin(admin.ModelAdmin):
    list_display = ["client_id", "label", "all_scopes", "created_at", "revoked_at"]
    search_fields = ["client_id", "label"]

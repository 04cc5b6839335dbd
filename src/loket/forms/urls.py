from django.urls import path

from loket.forms import views
from loket.forms.payments.demo import demo_payment_page

app_name = "forms"
urlpatterns = [
    path("kaart.svg", views.map_image, name="map"),
    path("hervatten/<str:token>/", views.resume, name="resume"),
    path("betalen/demo/<str:token>/", demo_payment_page, name="demo-payment"),
    path("<slug:slug>/", views.start, name="start"),
    path("<slug:slug>/namens/", views.assist, name="assist"),
    path("<uuid:draft_uuid>/overzicht/", views.summary, name="summary"),
    path("<uuid:draft_uuid>/opslaan/", views.save_for_later, name="save"),
    path("<uuid:draft_uuid>/betaling/", views.payment_return, name="payment-return"),
    path("<uuid:draft_uuid>/ontvangen/", views.confirmation, name="confirmation"),
    path("<uuid:draft_uuid>/<slug:step_key>/", views.step, name="step"),
]

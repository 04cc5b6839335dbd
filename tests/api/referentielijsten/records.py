"""Where the API is, and records of VNG's fixtures that the tests refer to."""

API = "/referentielijsten/api/v1/"

PROCESTYPE_1 = (
    "e1b73b12-b2f6-4c4e-8929-94f84dd2a57d"  # 1, Instellen en inrichten organisatie (2017)
)
GENERIC_RESULT_1_1 = "6711baff-798b-4c7f-9133-8ad02c8b7c6f"  # 1.1 Ingericht
SPECIFIC_RESULT_1_1_1 = "6d37598e-30f0-4aef-930d-3e1690725d95"  # 1.1.1 Ingericht
TOEGEKEND = "fb65d251-1518-4185-865f-b8bdcfad07b1"

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from loket.identity.models import ApiClient
from loket.identity.services import register_api_client, revoke_api_client, set_client_secret

MIN_SECRET_LENGTH = 16


class Command(BaseCommand):
    help = "Manage the API clients that call Loket's standard APIs with a ZGW JWT."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        add = actions.add_parser("add", help="Add a client, or replace its secret and scopes.")
        add.add_argument("--client-id", required=True)
        add.add_argument("--secret", required=True)
        add.add_argument("--label", default="")
        add.add_argument(
            "--partner",
            action="store_true",
            help="An outside organisation (hospital, undertaker): every call is logged.",
        )
        scopes = add.add_mutually_exclusive_group(required=True)
        scopes.add_argument("--all-scopes", action="store_true")
        scopes.add_argument("--scope", action="append", dest="scopes", metavar="SCOPE")
        secret = actions.add_parser(
            "secret", help="Set the secret of a client id, e.g. one added through the API."
        )
        secret.add_argument("--client-id", required=True)
        secret.add_argument("--secret", required=True)
        actions.add_parser("list", help="List the clients.")
        revoke = actions.add_parser("revoke", help="Refuse a client's tokens from now on.")
        revoke.add_argument("--client-id", required=True)

    def handle(self, *, action, **options):
        if action in ("add", "secret") and len(options["secret"]) < MIN_SECRET_LENGTH:
            raise CommandError(f"The secret must be at least {MIN_SECRET_LENGTH} characters long.")
        if action == "add":
            try:
                client = register_api_client(
                    client_id=options["client_id"],
                    secret=options["secret"],
                    label=options["label"],
                    all_scopes=options["all_scopes"],
                    scopes=options["scopes"] or (),
                    partner=options["partner"],
                )
            except ValueError as error:
                raise CommandError(str(error)) from None
            self.stdout.write(f"API client {client.client_id} is ready.")
        elif action == "secret":
            if not set_client_secret(options["client_id"], options["secret"]):
                raise CommandError(f"There is no API client {options['client_id']}.")
            self.stdout.write(f"API client {options['client_id']} has its new secret.")
        elif action == "list":
            self.list_clients()
        else:
            if not revoke_api_client(options["client_id"], at=timezone.now()):
                raise CommandError(f"There is no active API client {options['client_id']}.")
            self.stdout.write(f"API client {options['client_id']} is revoked.")

    def list_clients(self):
        clients = ApiClient.objects.select_related("application").prefetch_related(
            "application__authorizations"
        )
        for client in clients:
            application = client.application
            if application.all_scopes:
                scopes = "all scopes"
            else:
                scopes = ", ".join(
                    sorted({s for a in application.authorizations.all() for s in a.scopes})
                )
            if client.revoked_at:
                state = f"revoked {client.revoked_at:%Y-%m-%d}"
            else:
                state = "active" if client.secret else "no secret yet"
            kind = "partner" if application.partner else "system"
            self.stdout.write(f"{client.client_id}\t{state}\t{scopes}\t{application.label}\t{kind}")

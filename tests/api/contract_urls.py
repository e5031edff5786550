"""A small resource built on the shared layer, to test the layer itself.

Users stand in for a user-owned resource: each "profile" is owned by itself.
"""

from rest_framework import serializers
from rest_framework.response import Response

from accounts.models import User
from api.envelope import ok
from api.routing import resource
from api.views import ContractViewSet


class ProfileSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ["id", "username", "first_name"]


class ProfileViewSet(ContractViewSet):
    queryset = User.objects.order_by("id")
    serializer_class = ProfileSerializer
    list_key = "profiles"
    not_found = "Profile does not exist."
    owner_field = "pk"

    def retrieve(self, request, pk):
        return Response(ok(details=self.get_serializer(self.get_object()).data))

    def create(self, request):
        return Response(ok(id=request.user.pk))

    def update(self, request, pk):
        profile = self.get_object()
        profile.first_name = request.data.get("first_name", profile.first_name)
        profile.save(update_fields=["first_name"])
        return Response(ok(message="Profile has been updated successfully."))

    def destroy(self, request, pk):
        self.get_object()
        return Response(ok(message="Profile has been deleted successfully."))


class AllProfilesViewSet(ProfileViewSet):
    """Not narrowed to the caller: used to test page arithmetic over many rows."""

    def get_queryset(self):
        return User.objects.order_by("id")


urlpatterns = [
    *resource("profile", "profiles", ProfileViewSet),
    *resource("every", "everyone", AllProfilesViewSet, only={"list"}),
]
